import { Unknown } from '../../../values.js';
import { ABSENT, defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const CERTIFICATE = 'AWS::CertificateManager::Certificate';
// ListCertificates returns only RSA 2048 certificates unless asked for every key type.
const KEY_TYPES = ['RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_prime256v1', 'EC_secp384r1', 'EC_secp521r1'] as const;

/** ACM certificates: DescribeCertificate gives the type, the transparency logging preference and the validity dates. */
export default defineCollector({
  service: 'acm',
  global: false,
  resourceTypes: [CERTIFICATE],
  calls: ['acm:ListCertificates', 'acm:DescribeCertificate'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-acm');
    const acm = ctx.client(sdk.ACMClient);
    await listing(ctx, [CERTIFICATE], async () => {
      const summaries = [];
      for await (const page of ctx.pages(acm, 'acm:ListCertificates', (NextToken) => new sdk.ListCertificatesCommand({ NextToken, MaxItems: 1000, Includes: { keyTypes: [...KEY_TYPES] } }), (page) => page.NextToken)) summaries.push(...(page.CertificateSummaryList ?? []));
      await ctx.each(summaries, async (summary) => {
        const arn = summary.CertificateArn ?? '';
        const answer = await ctx.detail(acm, 'acm:DescribeCertificate', new sdk.DescribeCertificateCommand({ CertificateArn: arn }), arn, ['ResourceNotFoundException']);
        if (answer === ABSENT) return;
        const unread = answer instanceof Unknown ? answer : undefined;
        const certificate = answer instanceof Unknown ? undefined : answer.Certificate;
        ctx.emit({
          type: CERTIFICATE,
          id: arn,
          arn,
          name: summary.DomainName,
          properties: props({
            DomainName: summary.DomainName,
            Type: certificate?.Type ?? summary.Type,
            Status: certificate?.Status ?? summary.Status,
            KeyAlgorithm: certificate?.KeyAlgorithm ?? summary.KeyAlgorithm,
            CertificateAuthorityArn: unread ?? certificate?.CertificateAuthorityArn,
            CertificateTransparencyLoggingPreference: unread ?? certificate?.Options?.CertificateTransparencyLoggingPreference,
            NotAfter: certificate?.NotAfter ?? summary.NotAfter ?? unread,
            InUseBy: unread ?? certificate?.InUseBy,
            RenewalEligibility: certificate?.RenewalEligibility ?? summary.RenewalEligibility,
          }),
        });
      });
    });
  },
});
