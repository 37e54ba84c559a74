package com.paymentmigration.service;

import com.paymentmigration.iam.PolicyDocument;
import com.paymentmigration.iam.Statement;

import java.util.List;

/**
 * The service's two roles, kept apart: the execution role is the ECS agent's (pull the image, write the container
 * log) and can read no data; the task role is the application's (its own secret and parameters) and can pull
 * nothing and write no logs. Neither holds the other's rights, so a compromised container cannot reach the
 * registry and the agent cannot read a credential.
 */
public final class ServicePolicies {

    static final List<String> IMAGE_PULL = List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
            "ecr:BatchGetImage");
    static final List<String> PARAMETER_READ = List.of("ssm:GetParameter", "ssm:GetParameters",
            "ssm:GetParametersByPath");

    private ServicePolicies() {
    }

    public static String executionRole(String repositoryArn, String logGroupArn) {
        return PolicyDocument.of(
                Statement.allow("PullTheServiceImage").actions(IMAGE_PULL).resources(repositoryArn),
                // Registry logins are account-wide: the action takes no resource.
                Statement.allow("LogInToTheRegistry").actions("ecr:GetAuthorizationToken").resources("*"),
                Statement.allow("WriteTheContainerLog").actions("logs:CreateLogStream", "logs:PutLogEvents")
                        .resources(logGroupArn + ":*")).toJson();
    }

    /**
     * @param ownParameterArns the service's parameter path, and everything under it
     * @param flagArns         the migration flags every writer polls (write freeze, active writer)
     * @param secretKeyArn     the secret's customer-managed key; empty for the AWS-managed one
     */
    public static String taskRole(String secretArn, String secretKeyArn, List<String> ownParameterArns,
                                  List<String> flagArns) {
        return PolicyDocument.of(
                Statement.allow("ReadTheServiceSecret").actions("secretsmanager:GetSecretValue").resources(secretArn),
                Statement.allow("ReadTheServiceParameters").actions(PARAMETER_READ).resources(ownParameterArns),
                Statement.allow("ReadTheMigrationFlags").actions("ssm:GetParameter").resources(flagArns))
                .andKeyUse("DecryptTheServiceSecret", List.of(secretKeyArn), "kms:Decrypt").toJson();
    }

    /** The ARN of a repository from its URI (account.dkr.ecr.region.amazonaws.com/name). */
    public static String repositoryArn(String repositoryUri) {
        var host = repositoryUri.substring(0, repositoryUri.indexOf('/'));
        var parts = host.split("\\.");
        return "arn:aws:ecr:" + parts[3] + ":" + parts[0] + ":repository/" + repositoryUri.substring(host.length() + 1);
    }
}
