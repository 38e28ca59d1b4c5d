import { describe, expect, it } from 'vitest';
import {
  apiGatewayPolicyMinimumTls,
  cloudFrontPolicyIsModern,
  elbPolicyMinimumTls,
  exposure,
  isWorldCidr,
  networkAclRule,
  pointsAt,
  portRangeOf,
  protocolName,
  ruleReachesAllPorts,
  ruleReachesPort,
  securityGroupRule,
} from './network.js';
import { createInventoryView } from '../../inventory/view.js';
import type { Resource } from '../../inventory/resource.js';
import { isUnknown, Reference, Unknown } from '../../inventory/values.js';

describe('addresses and ports', () => {
  it('treats only zero-length prefixes as the whole internet', () => {
    expect(isWorldCidr('0.0.0.0/0')).toBe(true);
    expect(isWorldCidr('::/0')).toBe(true);
    expect(isWorldCidr('0.0.0.0/1')).toBe(false);
    expect(isWorldCidr('10.0.0.0/8')).toBe(false);
    expect(isWorldCidr('garbage')).toBe(false);
  });

  it('names protocols given as numbers or words', () => {
    expect(protocolName(-1)).toBe('all');
    expect(protocolName('-1')).toBe('all');
    expect(protocolName('6')).toBe('tcp');
    expect(protocolName('UDP')).toBe('udp');
    expect(protocolName(50)).toBe('50');
  });

  it('reads port ranges, -1 meaning every port', () => {
    expect(portRangeOf('tcp', 22, 22)).toEqual({ from: 22, to: 22 });
    expect(portRangeOf('tcp', '1000', '2000')).toEqual({ from: 1000, to: 2000 });
    expect(portRangeOf('udp', -1, -1)).toEqual({ from: 0, to: 65535 });
    expect(portRangeOf('all', undefined, undefined)).toEqual({ from: 0, to: 65535 });
    expect(portRangeOf('icmp', 8, -1)).toBeUndefined();
    expect(isUnknown(portRangeOf('tcp', undefined, undefined))).toBe(true);
    expect(isUnknown(portRangeOf('tcp', new Unknown('parameter'), 22))).toBe(true);
  });
});

describe('inbound rules', () => {
  it('finds SSH open to the world in a range, on IPv6 too', () => {
    const rule = securityGroupRule({ IpProtocol: 'tcp', FromPort: 0, ToPort: 1024, CidrIpv6: '::/0' }, 'rule');
    expect(exposure(rule, (r) => ruleReachesPort(r, 22))).toEqual({ open: true, sources: ['::/0'] });
    expect(ruleReachesAllPorts(rule)).toBe(false);
  });

  it('does not count UDP for SSH, nor group or narrow sources', () => {
    expect(exposure(securityGroupRule({ IpProtocol: 'udp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }, 'r'), (r) => ruleReachesPort(r, 22)).open).toBe(false);
    expect(exposure(securityGroupRule({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, SourceSecurityGroupId: 'sg-1' }, 'r'), (r) => ruleReachesPort(r, 22)).open).toBe(false);
    expect(exposure(securityGroupRule({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '10.0.0.0/8' }, 'r'), (r) => ruleReachesPort(r, 22)).open).toBe(false);
  });

  it('treats protocol -1 as every port', () => {
    const rule = securityGroupRule({ IpProtocol: -1, CidrIp: '0.0.0.0/0' }, 'r');
    expect(ruleReachesAllPorts(rule)).toBe(true);
    expect(ruleReachesPort(rule, 3389, ['tcp', 'udp'])).toBe(true);
  });

  it('is unknown when the source cannot be read', () => {
    const rule = securityGroupRule({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: new Unknown('parameter AdminCidr has no default value') }, 'r');
    expect(exposure(rule, (r) => ruleReachesPort(r, 22)).open).toBe('unknown');
  });

  it('reads network ACL entries', () => {
    const rule = networkAclRule({ Protocol: 6, PortRange: { From: 3380, To: 3390 }, CidrBlock: '0.0.0.0/0' }, 'entry');
    expect(ruleReachesPort(rule, 3389)).toBe(true);
    expect(ruleReachesPort(rule, 22)).toBe(false);
  });
});

describe('TLS policy names', () => {
  it('knows the floor of load balancer policies', () => {
    expect(elbPolicyMinimumTls('ELBSecurityPolicy-2016-08')).toEqual([1, 0]);
    expect(elbPolicyMinimumTls('ELBSecurityPolicy-FS-2018-06')).toEqual([1, 0]);
    expect(elbPolicyMinimumTls('ELBSecurityPolicy-TLS-1-1-2017-01')).toEqual([1, 1]);
    expect(elbPolicyMinimumTls('ELBSecurityPolicy-TLS13-1-2-2021-06')).toEqual([1, 2]);
    expect(elbPolicyMinimumTls('ELBSecurityPolicy-TLS13-1-0-2021-06')).toEqual([1, 0]);
    expect(elbPolicyMinimumTls('ELBSecurityPolicy-TLS13-1-3-2021-06')).toEqual([1, 3]);
    expect(elbPolicyMinimumTls('ELBSecurityPolicy-FS-1-2-Res-2020-10')).toEqual([1, 2]);
    expect(elbPolicyMinimumTls('my-custom-policy')).toBeUndefined();
  });

  it('judges CloudFront viewer policies by floor and cipher year', () => {
    expect(cloudFrontPolicyIsModern('TLSv1.2_2021')).toBe(true);
    expect(cloudFrontPolicyIsModern('TLSv1.2_2025')).toBe(true);
    expect(cloudFrontPolicyIsModern('TLSv1.3_2025')).toBe(true);
    expect(cloudFrontPolicyIsModern('TLSv1.2_2019')).toBe(false);
    expect(cloudFrontPolicyIsModern('TLSv1_2016')).toBe(false);
    expect(cloudFrontPolicyIsModern('SSLv3')).toBe(false);
    expect(cloudFrontPolicyIsModern('TLSv9')).toBeUndefined();
  });

  it('reads API Gateway security policies', () => {
    expect(apiGatewayPolicyMinimumTls('TLS_1_0')).toEqual([1, 0]);
    expect(apiGatewayPolicyMinimumTls('TLS_1_2')).toEqual([1, 2]);
    expect(apiGatewayPolicyMinimumTls('SecurityPolicy_TLS13_1_3_2025_09')).toEqual([1, 3]);
    expect(apiGatewayPolicyMinimumTls('SecurityPolicy_TLS12_PFS_2025_EDGE')).toEqual([1, 2]);
    expect(apiGatewayPolicyMinimumTls('whatever')).toBeUndefined();
  });
});

describe('pointsAt', () => {
  const site: Resource = { id: 'Site', scope: 'test', type: 'AWS::CloudFront::Distribution', properties: {}, origin: { kind: 'cloudformation' } };
  const other: Resource = { id: 'Other', scope: 'test', type: 'AWS::CloudFront::Distribution', properties: {}, origin: { kind: 'cloudformation' } };
  const view = createInventoryView({ resources: [site, other], gaps: [], problems: [], sources: [] });

  it('follows references and ARNs built around a logical id', () => {
    expect(pointsAt(new Reference('Site'), site, view)).toBe(true);
    expect(pointsAt(new Unknown('Fn::Sub', 'arn:aws:cloudfront::${?}:distribution/${Site}'), site, view)).toBe(true);
    expect(pointsAt(new Unknown('Fn::Sub', 'arn:aws:cloudfront::${?}:distribution/${Other}'), site, view)).toBe(false);
    expect(isUnknown(pointsAt(new Unknown('parameter without default'), site, view))).toBe(true);
    expect(pointsAt(undefined, site, view)).toBe(false);
  });
});
