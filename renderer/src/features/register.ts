// Start-up registration of each module's approval handlers, to-dos and deadlines (light files only).
// Each module adds one import line here.
import './meetings/contributions';
import './publicity/register';
import './finance/register';
import './integrity/register';
import './assessment/contributions';
import './duty/register';
import './documents/register';
import './seals/register';
import './study/contributions';
import './attendance/contributions';
import './leave/contributions';
import './system/contributions';
import './petitions/register';
export {};
