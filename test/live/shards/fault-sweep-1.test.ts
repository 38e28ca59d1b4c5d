import { faultSweepShard } from '../fault-sweep.js';

faultSweepShard(1, 3);
