"""Hostile input: whatever people type is shown as text, never run as HTML or script,
wherever it is shown (pages, PDF, e-mail, feeds, calendar, API); uploads are checked
by content and size and served as downloads; forms keep what was typed on error; and
the parsers of addresses, commands and search never fall over.

A council whose name, members, organisations, meetings, items, inputs, decisions,
papers and comments are all classic XSS payloads is taken through its whole life:
summons, minute-taking, review, comment and answer, approval and publication. It is
the world's council A (tests/world.py), renamed: Alice serves its secretariat and
Bob, its one member, carries a payload in his name.
"""
