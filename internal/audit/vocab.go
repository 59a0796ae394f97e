package audit

// The vocabulary of the two logs: the record types, actions, subject kinds
// and surfaces the domains write. Pages translate each ("audit.entity.",
// "audit.action.", "accesslog.kind.", "accesslog.via." keys) and offer them
// as filter choices; a test reads the domains' source and fails when one
// writes a word missing here. A word missing here anyway (an older entry,
// a newer domain) is shown as written, never refused.

// Entities are the record types of the change log.
func Entities() []string {
	return []string{"activity", "activity_enrolment", "activity_session", "aid_item", "allocation_run", "allocation_settings",
		"api_token", "appeal", "appeal_deadlines", "bot_chat", "bot_start_link", "calendar_day", "campaign",
		"campaign_report", "category", "championship", "championship_case", "championship_juror", "championship_team",
		"charity", "course", "course_enrolment", "course_session", "debate_ballot", "debate_tournament", "delivery",
		"device_task", "distribution_event", "distribution_photo", "donor", "duplicate_pair", "duplicate_scan",
		"eligibility_rules", "gift", "handover", "handover_code", "household", "import_template", "import_upload",
		"job", "letter", "letter_run", "letter_template", "letterhead", "macro_region", "match_proposal", "match_run",
		"mentor", "mentor_batch", "mentor_cohort", "mentor_field", "mentor_module", "mentor_session", "mentorship",
		"mentorship_feedback", "mentorship_goal", "mentorship_session", "need_signup", "oos_run", "organisation",
		"outreach_case", "outreach_deadlines", "outreach_referral", "outreach_run", "person", "person_batch",
		"place_offer", "placement", "pledge", "receipt", "region", "request", "request_document",
		"safeguarding_concern", "safeguarding_lead", "selection", "selection_appeal", "selection_score", "settings",
		"sponsor", "stock_doc", "user", "volunteer", "volunteer_hours", "volunteer_need", "warehouse", "youth",
		"youth_guardian_link", "youth_outcome"}
}

// Actions are the actions of the change log.
func Actions() []string {
	return []string{"accept", "add_guardian", "add_judge", "add_member", "add_team", "allocate", "answer", "approve", "assemble",
		"assign", "assign_reviewer", "assign_volunteer", "attach", "cancel", "change_ballot", "check", "close",
		"check_in", "check_out", "comment", "confirm", "contact", "count", "create", "decline", "delete", "deliver", "disable", "dispatch",
		"dry_run", "enrol", "enter_ballot", "expire", "flag", "give_consent", "hand_over", "import", "issue", "link",
		"log_hours", "mark_distinct", "match", "merge", "open", "pair", "password", "photo", "place", "plan",
		"produce", "publish", "rank", "receive", "record_assessment", "record_attendance", "record_results", "refer",
		"register", "reject", "remind", "remove_guardian", "remove_member", "report", "reschedule", "rescore",
		"retry", "return", "revoke", "save", "scan", "send_code", "set_consent", "set_head", "set_needs",
		"set_outcome", "set_status", "sign_up", "submit", "thank", "transition", "unassign", "unassign_volunteer",
		"unenrol", "unlink", "unmerge", "update", "upload", "withdraw", "withdraw_consent", "write_off"}
}

// The subject kinds of the access log that name a record a page shows.
const (
	KindPerson    = "person"
	KindHousehold = "household"
	KindYouth     = "youth" // a young person of the mentoring programme
)

// SubjectKinds are the kinds of record the access log names.
func SubjectKinds() []string {
	return []string{KindHousehold, "import_run", "import_upload", OutOfScopeID, KindPerson, "person_export",
		"request", "request_document", "appeal", "distribution_list", "distribution_photo", "handover_signature", "outreach_case", KindYouth}
}

// Vias are the ways a record was opened (or an ID number typed) that the
// access log names.
func Vias() []string {
	return []string{"add_member", "api", "create", "dry_run", "enrol", "export", "import", "merge", "telegram", "unmerge", "update", "web"}
}
