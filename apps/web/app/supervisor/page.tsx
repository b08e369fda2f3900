import { BoardClient } from './board-client';

export default function SupervisorHome() {
  return <BoardClient />;
}
