import type { Collector } from '../collector.js';
import accessanalyzer from './accessanalyzer.js';
import acm from './acm.js';
import apigateway from './apigateway.js';
import apigatewayv2 from './apigatewayv2.js';
import apigatewayMethods from './apigateway-methods.js';
import apigatewayv2Routes from './apigatewayv2-routes.js';
import autoscaling from './autoscaling.js';
import backup from './backup.js';
import cloudfront from './cloudfront.js';
import cloudtrail from './cloudtrail.js';
import cloudwatch from './cloudwatch.js';
import cognitoIdentityPools from './cognito-identity-pools.js';
import cognitoUserPools from './cognito-user-pools.js';
import config from './config.js';
import dax from './dax.js';
import directoryservice from './directoryservice.js';
import dms from './dms.js';
import dynamodb from './dynamodb.js';
import ebs from './ebs.js';
import ec2 from './ec2.js';
import ecr from './ecr.js';
import ecs from './ecs.js';
import efs from './efs.js';
import eks from './eks.js';
import elasticache from './elasticache.js';
import elb from './elb.js';
import elbClassic from './elb-classic.js';
import emr from './emr.js';
import eventbridge from './eventbridge.js';
import firehose from './firehose.js';
import guardduty from './guardduty.js';
import iam from './iam.js';
import identitycenter from './identitycenter.js';
import kinesis from './kinesis.js';
import kms from './kms.js';
import lambda from './lambda.js';
import lambdaEventInvokeConfigs from './lambda-event-invoke-configs.js';
import macie from './macie.js';
import mq from './mq.js';
import networkfirewall from './networkfirewall.js';
import vpn from './vpn.js';
import msk from './msk.js';
import opensearch from './opensearch.js';
import organizations from './organizations.js';
import rds from './rds.js';
import redshift from './redshift.js';
import s3 from './s3.js';
import secretsmanager from './secretsmanager.js';
import securityhub from './securityhub.js';
import sns from './sns.js';
import sqs from './sqs.js';
import ssmDocuments from './ssm-documents.js';
import ssmParameters from './ssm-parameters.js';
import transfer from './transfer.js';
import vpc from './vpc.js';
import wafv2 from './wafv2.js';
import athena from './athena.js';
import backupVaults from './backup-vaults.js';
import codebuild from './codebuild.js';
import elasticbeanstalk from './elasticbeanstalk.js';
import glue from './glue.js';
import sagemaker from './sagemaker.js';
import stepfunctions from './stepfunctions.js';
import memorydb from './memorydb.js';
import keyspaces from './keyspaces.js';
import timestream from './timestream.js';
import route53 from './route53.js';
import ses from './ses.js';
import glacier from './glacier.js';
import workspaces from './workspaces.js';
import fsx from './fsx.js';
import imagebuilder from './imagebuilder.js';
import codecommit from './codecommit.js';
import appsync from './appsync.js';
import ram from './ram.js';
import codeartifact from './codeartifact.js';
import cloudformation from './cloudformation.js';

/** Every collector. Each imports its SDK client only when it runs. */
export const allCollectors: readonly Collector[] = [
  iam, s3, ec2, ebs, vpc, kms, cloudtrail, config, guardduty, securityhub, accessanalyzer, macie, cloudwatch, rds, lambda,
  dynamodb, sqs, sns, efs, ecr, secretsmanager, elasticache, opensearch, eks, ecs, elb, elbClassic, cloudfront, apigateway, apigatewayv2,
  wafv2, redshift, emr, organizations, autoscaling, backup,
  kinesis, firehose, dax, mq, msk,
  cognitoUserPools, cognitoIdentityPools, eventbridge, ssmParameters, ssmDocuments, dms, transfer, acm, apigatewayMethods, apigatewayv2Routes,
  athena, backupVaults, codebuild, elasticbeanstalk, glue, sagemaker, stepfunctions,
  lambdaEventInvokeConfigs,
  memorydb, keyspaces, timestream,
  networkfirewall, vpn,
  route53, ses, glacier,
  workspaces, fsx, imagebuilder, codecommit,
  appsync, ram, codeartifact,
  identitycenter, directoryservice,
  cloudformation,
];

/** The collectors that produce at least one of the wanted resource types. */
export function collectorsFor(wanted: ReadonlySet<string>, collectors: readonly Collector[] = allCollectors): Collector[] {
  return collectors.filter((collector) => collector.resourceTypes.some((type) => wanted.has(type)));
}

/** The resource types live collection can produce. */
export function collectableTypes(collectors: readonly Collector[] = allCollectors): Set<string> {
  return new Set(collectors.flatMap((collector) => collector.resourceTypes));
}
