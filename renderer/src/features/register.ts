// Start-up registration of each module's approval handlers, to-dos and deadlines (light files only).
// Each module adds one import line here.
import './meetings/register';
import './publicity/register';
import './finance/register';
import './integrity/register';
import './assessment/register';
import './duty/register';
import './documents/register';
import './seals/register';
import './study/register';
import './attendance/register';
import './leave/register';
import './system/register';
import './petitions/contributions';
export {};
