package com.paymentmigration.plan;

/**
 * ARNs in the shape each service really uses, so that policies built from them read like the deployed ones. Public
 * for the rehearsal, which acts on the plan's resources by the ARNs the plan gave them.
 */
public final class MockArns {

    private MockArns() {
    }

    public static String arn(String type, String name, String region, String account) {
        var module = type.split("[:/]")[1];
        var resource = lowerFirst(type.substring(type.lastIndexOf(':') + 1));
        return switch (module) {
            case "s3" -> "arn:aws:s3:::" + name;
            case "iam" -> "arn:aws:iam::" + account + ":" + resource + "/" + name;
            case "sfn" -> "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
            case "cloudwatch" -> switch (resource) {
                case "logGroup" -> "arn:aws:logs:" + region + ":" + account + ":log-group:" + name;
                // Metric and composite alarms alike are "alarm:NAME" in CloudWatch's ARNs.
                case "metricAlarm", "compositeAlarm" -> "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + name;
                default -> "arn:aws:cloudwatch:" + region + ":" + account + ":" + resource + ":" + name;
            };
            case "lb" -> "arn:aws:elasticloadbalancing:" + region + ":" + account + ":" + switch (resource) {
                case "loadBalancer" -> "loadbalancer/net/" + name + "/plan";
                case "targetGroup" -> "targetgroup/" + name + "/plan";
                default -> "listener/net/" + name + "/plan";
            };
            case "lambda" -> "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
            case "sns" -> "arn:aws:sns:" + region + ":" + account + ":" + name;
            case "ssm" -> "arn:aws:ssm:" + region + ":" + account + ":parameter" + (name.startsWith("/") ? name : "/" + name);
            case "kms" -> "arn:aws:kms:" + region + ":" + account + ":" + (resource.equals("alias") ? name : "key/" + name);
            case "rds" -> "arn:aws:rds:" + region + ":" + account + ":" + resource.toLowerCase() + ":" + name;
            case "dms" -> "arn:aws:dms:" + region + ":" + account + ":" + switch (resource) {
                case "replicationTask" -> "task";
                case "replicationInstance" -> "rep";
                case "certificate" -> "cert";
                case "replicationSubnetGroup" -> "subgrp";
                default -> resource.toLowerCase();
            } + ":" + name;
            default -> "arn:aws:" + module + ":" + region + ":" + account + ":" + resource + "/" + name;
        };
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
