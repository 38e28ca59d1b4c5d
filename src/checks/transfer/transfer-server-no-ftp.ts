// Compliant: the Transfer Family server does not offer plain FTP (Protocols without FTP; the default is SFTP only).
import { defineCheck, fail, pass, unknown } from '../define-check.js';
import { list, str } from '../../inventory/readers.js';
import { isUnknown } from '../../inventory/values.js';

export default defineCheck({
  id: 'transfer-server-no-ftp',
  title: 'Transfer Family server does not use FTP',
  service: 'transfer',
  resourceTypes: ['AWS::Transfer::Server'],
  layer: 'traffic-protection',
  control: 'data-encryption',
  duty: 'encrypt-in-transit',
  severity: 'medium',
  rationale:
    'FTP sends user names, passwords and file contents unencrypted, where anyone on the path can read or alter them. SFTP and FTPS carry the same transfers inside SSH or TLS. Transfer Family offers FTP only inside a VPC, but the traffic still crosses whatever networks sit between the clients and the endpoint. Which protocols a server speaks is the customer\'s choice.',
  remediation: {
    console: 'Transfer Family console > Servers > the server > Protocols > Edit: clear FTP, keep SFTP or FTPS.',
    cloudformation: 'AWS::Transfer::Server.Protocols: [SFTP] or [FTPS] (no FTP)',
    terraform: 'aws_transfer_server.protocols = ["SFTP"] (no "FTP")',
  },
  evaluate(server) {
    const protocols = list(server.properties['Protocols']);
    if (isUnknown(protocols)) return unknown(protocols, 'Protocols');
    if (protocols === undefined || protocols.length === 0) return pass('Protocols is not set: the server speaks SFTP only', 'Protocols');
    const names: string[] = [];
    for (const [index, item] of protocols.entries()) {
      const protocol = str(item);
      if (isUnknown(protocol)) return unknown(protocol, `Protocols.${index}`);
      if (protocol !== undefined) names.push(protocol.toUpperCase());
    }
    return names.includes('FTP') ? fail(`the server offers plain FTP (${names.join(', ')})`, 'Protocols') : pass(`the server offers ${names.join(', ')}, no plain FTP`, 'Protocols');
  },
});
