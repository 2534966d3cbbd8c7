// Start-up registration of each module's approval handlers, to-dos and deadlines (light files only).
// Each module adds one import line here.
import './meetings/register';
import './publicity/contributions';
import './finance/contributions';
import './integrity/contributions';
import './assessment/register';
import './duty/contributions';
import './documents/register';
import './seals/register';
import './study/register';
import './attendance/register';
import './leave/register';
import './system/register';
import './petitions/register';
export {};
