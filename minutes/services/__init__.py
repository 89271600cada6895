"""Business rules for meetings and their minutes, one subject per module.

Views, the admin, commands and the API call these; callers import the subject module
(`from minutes.services import lifecycle`, `from minutes.services.agenda import
meeting_create`), so this package exports nothing itself.

- agenda: meetings, their numbers and standard items; sak numbering; adding, moving,
  updating and deleting agenda items
- editing: saving content without losing or overwriting anything; inputs (innspill)
- attendance: who was summoned and who came
- summons: marking the summons sent and sending it
- lifecycle: review, approval, publication and correction (the state machine of the
  minutes)
- review: around the review round: who votes, how far the vote has come, what a
  comment points to, and reminders before the deadline

E-mail is rendered by minutes/mail.py and queued in the outbox (core/outbox.py), which
a worker sends; the freeze rule is minutes/frozen.py.
"""
