import { liveFixtureShard } from '../live-fixtures.js';

liveFixtureShard(0, 2);
