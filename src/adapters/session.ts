// Who is using the add-on.
export function currentUserEmail(): string {
  return Session.getActiveUser().getEmail().toLowerCase();
}
