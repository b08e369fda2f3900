import { QueueClient } from './queue-client';

export default function DispatchQueuePage() {
  return <QueueClient />;
}
