import { SealsPage } from './ui/SealsPage';

export default SealsPage;
