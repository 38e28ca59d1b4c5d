import { liveFixtureShard } from '../live-fixtures.js';

liveFixtureShard(1, 2);
