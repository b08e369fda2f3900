import { UsersClient } from './users-client';

export default function AdminHome() {
  return <UsersClient />;
}
