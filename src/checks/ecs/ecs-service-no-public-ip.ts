// Compliant: the ECS service does not give its tasks public IP addresses (AwsvpcConfiguration.AssignPublicIp absent or DISABLED).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { at, isUnknown, str } from '../../inventory/readers.js';

export default defineCheck({
  id: 'ecs-service-no-public-ip',
  title: 'ECS service does not assign public IP addresses to its tasks',
  service: 'ecs',
  resourceTypes: ['AWS::ECS::Service'],
  layer: 'network-config',
  control: 'zone-security',
  duty: 'limit-public-exposure',
  severity: 'high',
  rationale:
    'With AssignPublicIp ENABLED every task of the service gets its own internet address, so the only thing between the internet and the container is its security group. Tasks that take traffic through a load balancer and reach the internet through a NAT gateway or VPC endpoints need no address of their own. Where the tasks sit on the network is the customer\'s choice.',
  remediation: {
    console: 'ECS console > Clusters > the cluster > Services > the service > Update > Networking: turn Public IP off (tasks then need a NAT gateway or VPC endpoints to pull images).',
    cloudformation: 'AWS::ECS::Service.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp: DISABLED',
    terraform: 'aws_ecs_service network_configuration { assign_public_ip = false }',
  },
  evaluate(service) {
    const path = 'NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp';
    const assign = str(at(service.properties, 'NetworkConfiguration', 'AwsvpcConfiguration', 'AssignPublicIp'));
    if (isUnknown(assign)) return unknown(assign, path);
    if (assign?.toUpperCase() === 'ENABLED') return fail('AssignPublicIp is ENABLED: each task gets a public IP address', path);
    return pass(assign === undefined ? 'AssignPublicIp is not set, and tasks get no public IP address by default' : `AssignPublicIp is ${assign}`, path);
  },
});
