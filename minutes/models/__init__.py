"""The meeting and its record: one module per subject, all importable from here."""

from minutes.models.agenda import (
    INPUTS_HEADING,
    SEARCH_CONFIG,
    AgendaItem,
    Attachment,
    Decision,
    Input,
    ItemKind,
    ItemSeries,
    attachment_upload_to,
    decision_search_text,
    input_tree,
    item_anchor,
    item_cited_label,
    item_kind_label,
    item_number_label,
    item_permalink,
    item_reference,
)
from minutes.models.followup import (
    OPEN_FOLLOWUP_STATUSES,
    FollowUp,
    FollowUpNote,
    FollowUpReminder,
    FollowUpStatus,
)
from minutes.models.formal import (
    DISQUALIFICATION_BASES,
    Disqualification,
    ProtocolEntry,
    Vote,
)
from minutes.models.meeting import Attendance, Meeting
from minutes.models.minutes import Minutes, MinutesVersion
from minutes.models.records import FullRecordPdf
from minutes.models.review import (
    MinutesEvent,
    ReminderSent,
    ReviewApproval,
    ReviewComment,
)
from minutes.models.summons import SummonsVersion

__all__ = [
    "DISQUALIFICATION_BASES",
    "INPUTS_HEADING",
    "OPEN_FOLLOWUP_STATUSES",
    "SEARCH_CONFIG",
    "AgendaItem",
    "Attachment",
    "Attendance",
    "Decision",
    "Disqualification",
    "FollowUp",
    "FollowUpNote",
    "FollowUpReminder",
    "FollowUpStatus",
    "FullRecordPdf",
    "Input",
    "ItemKind",
    "ItemSeries",
    "Meeting",
    "Minutes",
    "ProtocolEntry",
    "MinutesEvent",
    "MinutesVersion",
    "ReminderSent",
    "ReviewApproval",
    "ReviewComment",
    "SummonsVersion",
    "Vote",
    "attachment_upload_to",
    "decision_search_text",
    "input_tree",
    "item_anchor",
    "item_cited_label",
    "item_reference",
    "item_kind_label",
    "item_number_label",
    "item_permalink",
]
