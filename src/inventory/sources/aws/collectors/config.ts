import { defineCollector, listing } from '../collector.js';
import { props } from '../props.js';

const RECORDER = 'AWS::Config::ConfigurationRecorder';
const STATUS = 'Demarc::Config::RegionStatus';

export default defineCollector({
  service: 'config',
  global: false,
  resourceTypes: [RECORDER, STATUS],
  calls: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus'],
  async collect(ctx) {
    const sdk = await import('@aws-sdk/client-config-service');
    const config = ctx.client(sdk.ConfigServiceClient);
    await listing(ctx, [RECORDER, STATUS], async () => {
      const [{ ConfigurationRecorders: recorders = [] }, { ConfigurationRecordersStatus: statuses = [] }] = await Promise.all([
        ctx.call(config, 'config:DescribeConfigurationRecorders', new sdk.DescribeConfigurationRecordersCommand({})),
        ctx.call(config, 'config:DescribeConfigurationRecorderStatus', new sdk.DescribeConfigurationRecorderStatusCommand({})),
      ]);
      for (const recorder of recorders) {
        const arn = recorder.arn ?? ctx.arn('config', `configuration-recorder/${recorder.name ?? 'default'}`);
        const status = statuses.find((candidate) => candidate.name === recorder.name);
        ctx.emit({
          type: RECORDER,
          id: arn,
          arn,
          name: recorder.name,
          properties: props({
            Name: recorder.name,
            RoleARN: recorder.roleARN,
            RecordingGroup: recorder.recordingGroup
              ? { AllSupported: recorder.recordingGroup.allSupported, IncludeGlobalResourceTypes: recorder.recordingGroup.includeGlobalResourceTypes, ResourceTypes: recorder.recordingGroup.resourceTypes }
              : undefined,
            Recording: status?.recording === true,
            LastStatus: status?.lastStatus,
          }),
        });
      }
      const recording = recorders.filter((recorder) => statuses.some((status) => status.name === recorder.name && status.recording === true));
      ctx.emit({
        type: STATUS,
        id: `arn:${ctx.partition}:config:${ctx.region}:${ctx.account}:region-status`,
        name: `config/${ctx.region}`,
        properties: {
          RecorderExists: recorders.length > 0,
          Recording: recording.length > 0,
          AllSupported: recording.some((recorder) => recorder.recordingGroup?.allSupported === true),
          IncludeGlobalResourceTypes: recording.some((recorder) => recorder.recordingGroup?.includeGlobalResourceTypes === true),
        },
      });
    });
  },
});
