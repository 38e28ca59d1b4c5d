import { faultSweepShard } from '../fault-sweep.js';

faultSweepShard(2, 3);
