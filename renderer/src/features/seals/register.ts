// Old path, kept only for the 会议 module's tests until it moves: import './contributions'.
import './contributions';
