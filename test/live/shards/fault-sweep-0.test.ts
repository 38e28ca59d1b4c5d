import { faultSweepShard } from '../fault-sweep.js';

faultSweepShard(0, 3);
