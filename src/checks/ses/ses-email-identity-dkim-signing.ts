// Compliant: the SES domain identity signs the mail it sends with DKIM (DkimAttributes.SigningEnabled not false, and verified where an account reports it).
import { defineCheck, fail, notApplicable, pass, unknown } from '../define-check.js';
import { at, bool, isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'ses-email-identity-dkim-signing',
  title: 'SES domain identity signs outgoing mail with DKIM',
  service: 'ses',
  resourceTypes: ['AWS::SES::EmailIdentity'],
  layer: 'traffic-protection',
  control: 'configuration-management',
  duty: 'configure-services-securely',
  severity: 'medium',
  rationale:
    'DKIM signs each message with a key published in the sending domain\'s DNS, so receivers can check that it came from the domain and was not altered on the way, and DMARC can reject mail that forges the domain. SES signs mail from a domain identity only while DKIM signing is enabled (the default) and its DKIM records are verified; turning it off, or never publishing the records, is the customer\'s doing. An account reports the verification status; a template or configuration shows only the setting. Address identities are signed through their domain and are judged only when signing is turned off for them.',
  remediation: {
    console: 'Amazon SES console > Identities > the domain > Authentication > DomainKeys Identified Mail (DKIM): enable DKIM signatures and publish the three CNAME records (Easy DKIM) in the domain\'s DNS.',
    cloudformation: 'AWS::SES::EmailIdentity.DkimAttributes: { SigningEnabled: true } (or leave it out), and publish the DKIM records the identity returns',
    terraform: 'aws_sesv2_email_identity { email_identity = "<domain>" } signs with Easy DKIM once its dkim_signing_attributes[0].tokens are published as CNAME records',
  },
  evaluate(identity) {
    const enabled = bool(at(identity.properties, 'DkimAttributes', 'SigningEnabled'));
    if (isUnknown(enabled)) return unknown(enabled, 'DkimAttributes.SigningEnabled');
    if (enabled === false) return fail('DkimAttributes.SigningEnabled is false: mail from the identity is sent without a DKIM signature', 'DkimAttributes.SigningEnabled');
    const name = str(at(identity.properties, 'EmailIdentity'));
    if (isUnknown(name)) return unknown(name, 'EmailIdentity');
    if (name?.includes('@')) return notApplicable('an email address identity is signed through the DKIM setup of its domain');
    const status = str(at(identity.properties, 'DkimAttributes', 'Status'));
    if (isUnknown(status)) return unknown(status, 'DkimAttributes.Status');
    // Templates and configurations do not carry the verification status; an account always does.
    if (status === undefined || status === 'SUCCESS') return pass(status === undefined ? 'DKIM signing is enabled (the default) for the domain' : 'DKIM signing is enabled and its records are verified', 'DkimAttributes');
    if (status === 'TEMPORARY_FAILURE') return unknown('SES could not determine the DKIM status of the domain for now (TEMPORARY_FAILURE)', 'DkimAttributes.Status');
    return fail(`DKIM signing is enabled but its records are not verified (${status}): SES does not sign the domain's mail until they are`, 'DkimAttributes.Status');
  },
});
