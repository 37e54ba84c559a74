package com.paymentmigration.naming;

import java.util.regex.Pattern;

/** The length and character rules each AWS service puts on the physical names this program chooses. */
public enum NameRule {
    /** Lowercase, digits, hyphens; 3-63; globally unique, so callers add the account and region. */
    S3_BUCKET(63, "[a-z0-9][a-z0-9-]{1,61}[a-z0-9]"),
    IAM_ROLE(64, "[\\w+=,.@-]+"),
    IAM_POLICY(128, "[\\w+=,.@-]+"),
    LAMBDA_FUNCTION(64, "[A-Za-z0-9_-]+"),
    /** Lambda's own group is /aws/lambda/{function}; everything else lives under /migration. */
    LOG_GROUP(512, "[A-Za-z0-9_./#-]+"),
    /** Application and network load balancers: 32, alphanumerics and inner hyphens. */
    LOAD_BALANCER(32, "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"),
    TARGET_GROUP(32, "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"),
    /** DMS instance, endpoint, task and subnet group identifiers: letter first, no double or trailing hyphen. */
    DMS_IDENTIFIER(63, "[A-Za-z](?:[A-Za-z0-9]|-(?!-))*(?<!-)"),
    /** RDS cluster, instance, global cluster and parameter group identifiers: same shape as DMS. */
    RDS_IDENTIFIER(63, "[a-z](?:[a-z0-9]|-(?!-))*(?<!-)"),
    STATE_MACHINE(80, "[A-Za-z0-9_-]+"),
    SNS_TOPIC(256, "[A-Za-z0-9_-]+"),
    EVENT_RULE(64, "[A-Za-z0-9_.-]+"),
    SECURITY_GROUP(255, "[A-Za-z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]+"),
    DASHBOARD(255, "[A-Za-z0-9_-]+"),
    KMS_ALIAS(256, "alias/[A-Za-z0-9/_-]+"),
    API(1024, "[A-Za-z0-9_ .-]+"),
    ECS(255, "[A-Za-z0-9_-]+"),
    /** ECR repositories: lowercase, digits and single separators. */
    ECR_REPOSITORY(256, "[a-z0-9]+(?:[._-][a-z0-9]+)*"),
    /** Generic names (VPCs, TGWs, subnets: the Name tag) with no service rule but a readable bound. */
    GENERIC(255, "[A-Za-z0-9_.:/ -]+");

    public final int maxLength;
    public final Pattern pattern;

    NameRule(int maxLength, String regex) {
        this.maxLength = maxLength;
        this.pattern = Pattern.compile(regex);
    }

    public boolean accepts(String name) {
        return name.length() <= maxLength && pattern.matcher(name).matches();
    }
}
