import { CalendarClient } from './calendar-client';

export default function CalendarPage() {
  return <CalendarClient />;
}
