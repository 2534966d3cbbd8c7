// Start-up registration of each module's approval handlers, to-dos and deadlines (light files only).
// Each module adds one import line here.
import './meetings/contributions';
import './publicity/contributions';
import './finance/contributions';
import './integrity/contributions';
import './assessment/contributions';
import './duty/contributions';
import './documents/contributions';
import './seals/contributions';
import './study/contributions';
import './attendance/contributions';
import './leave/contributions';
import './system/contributions';
import './petitions/contributions';
export {};
