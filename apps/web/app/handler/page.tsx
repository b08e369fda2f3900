import { InboxClient } from './inbox-client';

export default function HandlerHome() {
  return <InboxClient />;
}
