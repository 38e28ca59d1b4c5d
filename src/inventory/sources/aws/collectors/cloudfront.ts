import { Unknown } from '../../../values.js';
import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const DISTRIBUTION = 'AWS::CloudFront::Distribution';

export default defineCollector({
  service: 'cloudfront',
  global: true,
  resourceTypes: [DISTRIBUTION],
  calls: ['cloudfront:ListDistributions', 'cloudfront:GetDistributionConfig'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-cloudfront');
    // CloudFront's API lives in us-east-1 (aws partition).
    const cloudfront = ctx.client(sdk.CloudFrontClient, ctx.partition === 'aws' ? 'us-east-1' : ctx.region);
    await listing(ctx, [DISTRIBUTION], async () => {
      const ids: Array<{ id: string; arn: string }> = [];
      for await (const page of ctx.pages(cloudfront, 'cloudfront:ListDistributions', (Marker) => new sdk.ListDistributionsCommand({ Marker, MaxItems: 100 }), (page) => (page.DistributionList?.IsTruncated ? page.DistributionList.NextMarker : undefined))) {
        for (const item of page.DistributionList?.Items ?? []) {
          // Built in the documented form (no region field) rather than copied, so it matches what other resources name.
          if (item.Id) ids.push({ id: item.Id, arn: ctx.arn('cloudfront', `distribution/${item.Id}`, null) });
        }
      }
      await ctx.each(ids, async ({ id, arn }) => {
        const answer = await ctx.detail(cloudfront, 'cloudfront:GetDistributionConfig', new sdk.GetDistributionConfigCommand({ Id: id }), arn);
        if (answer instanceof Unknown || typeof answer === 'symbol') {
          ctx.emit({ type: DISTRIBUTION, id: arn, arn, name: id, region: null, properties: { DistributionConfig: answer instanceof Unknown ? answer : null } });
          return;
        }
        const config = answer.DistributionConfig;
        const behavior = (value: { ViewerProtocolPolicy?: string; TargetOriginId?: string; PathPattern?: string } | undefined): Record<string, unknown> | undefined =>
          value ? { ViewerProtocolPolicy: value.ViewerProtocolPolicy, TargetOriginId: value.TargetOriginId, PathPattern: value.PathPattern } : undefined;
        ctx.emit({
          type: DISTRIBUTION,
          id: arn,
          arn,
          name: id,
          region: null,
          properties: props({
            DistributionConfig: {
              Enabled: config?.Enabled,
              Aliases: config?.Aliases?.Items,
              DefaultRootObject: config?.DefaultRootObject || undefined,
              HttpVersion: config?.HttpVersion,
              PriceClass: config?.PriceClass,
              WebACLId: config?.WebACLId || undefined,
              DefaultCacheBehavior: behavior(config?.DefaultCacheBehavior),
              CacheBehaviors: (config?.CacheBehaviors?.Items ?? []).map(behavior),
              Origins: (config?.Origins?.Items ?? []).map((origin) => ({
                Id: origin.Id,
                DomainName: origin.DomainName,
                OriginAccessControlId: origin.OriginAccessControlId || undefined,
                S3OriginConfig: origin.S3OriginConfig ? { OriginAccessIdentity: origin.S3OriginConfig.OriginAccessIdentity } : undefined,
                CustomOriginConfig: origin.CustomOriginConfig
                  ? { OriginProtocolPolicy: origin.CustomOriginConfig.OriginProtocolPolicy, OriginSSLProtocols: origin.CustomOriginConfig.OriginSslProtocols?.Items }
                  : undefined,
              })),
              ViewerCertificate: config?.ViewerCertificate
                ? {
                    CloudFrontDefaultCertificate: config.ViewerCertificate.CloudFrontDefaultCertificate,
                    AcmCertificateArn: config.ViewerCertificate.ACMCertificateArn,
                    IamCertificateId: config.ViewerCertificate.IAMCertificateId,
                    MinimumProtocolVersion: config.ViewerCertificate.MinimumProtocolVersion,
                    SslSupportMethod: config.ViewerCertificate.SSLSupportMethod,
                  }
                : undefined,
              Logging: config?.Logging?.Enabled ? { Bucket: config.Logging.Bucket, Prefix: config.Logging.Prefix, IncludeCookies: config.Logging.IncludeCookies } : undefined,
              Restrictions: config?.Restrictions?.GeoRestriction ? { GeoRestriction: { RestrictionType: config.Restrictions.GeoRestriction.RestrictionType, Locations: config.Restrictions.GeoRestriction.Items } } : undefined,
            },
          }),
        });
      });
    });
  },
});
