package com.paymentmigration.functions;

import com.paymentmigration.core.StateMachine;
import com.paymentmigration.keys.EncryptionKeys;
import com.paymentmigration.network.Network;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.core.Output;

import java.util.Map;

/**
 * Starts the rollback state machine; pulumi up invokes it when it switches to rollback mode. Its one call,
 * StartExecution, goes to the Step Functions endpoint of the VPC.
 */
public final class RollbackTriggerFunction {

    public static final String JAR = "lambda/trigger/target/trigger.jar";
    public static final String HANDLER = "com.paymentmigration.lambda.trigger.TriggerHandler::handleRequest";
    static final LambdaFunction.Definition DEFINITION = new LambdaFunction.Definition("trigger", "rollback-trigger",
            "Starts the rollback state machine (invoked by pulumi up on the switch to rollback mode)", HANDLER, JAR,
            "Starts the rollback state machine when pulumi up switches to rollback mode");

    private RollbackTriggerFunction() {
    }

    static Function create(Functions parent, EncryptionKeys keys, Network network) {
        var rollbackMachineArn = StateMachine.ROLLBACK.arn(parent.stack());
        return LambdaFunction.create(parent, DEFINITION, keys, network,
                logGroupArn -> Output.tuple(rollbackMachineArn, keys.primaryKeyArn, logGroupArn)
                        .applyValue(t -> policy(t.t1, t.t2, t.t3)),
                args -> args.memorySize(512)
                        .timeout(30)
                        .environment(FunctionEnvironmentArgs.builder()
                                .variables(rollbackMachineArn.applyValue(arn -> Map.of("STATE_MACHINE_ARN", arn))).build()))
                .function();
    }

    static String policy(String rollbackMachineArn, String keyArn, String logGroupArn) {
        return StateMachine.startRollbackPolicy(rollbackMachineArn, keyArn).and(LambdaFunction.writeLogs(logGroupArn))
                .and(LambdaFunction.sendTraces()).and(LambdaFunction.runInTheVpc()).toJson();
    }
}
