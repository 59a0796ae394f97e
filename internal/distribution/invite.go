package distribution

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"github.com/jolproject/jol/internal/i18n"
	"github.com/jolproject/jol/internal/requests"
	"github.com/jolproject/jol/internal/store"
)

// A family whose request is put on an event's list by hand (Assign) is
// invited to it once: where and when, what to bring, and that a one-time
// code will come to the same chat or phone at the counter. The message
// goes through the request outbox in Assign's transaction, to the
// Telegram chat that follows the request, in the chat's language
// (SetChatLocales), else by SMS to the applicant's phone (to the status
// page when the installation sends no text messages), in the request's
// language. The outbox is the record: a
// request has at most one invitation and one reminder per event, found by
// the event's ID among the message's arguments. An event moved to another
// time or place tells the families it invited (EventMovedMessage); the
// day before an event, RemindDue reminds them (remind.go). Each is queued
// with the request's row locked, so parallel runs queue it once.

// The message keys of invitations; their arguments are Event, Reference,
// Place, Start and End.
const (
	InvitationMessage = "distribution.invitation"
	ReminderMessage   = "distribution.reminder"
	EventMovedMessage = "distribution.event_moved"
)

// aboutEvent is the LIKE pattern of the messages about event id.
func aboutEvent(id int64) string { return `%"Event":"` + strconv.FormatInt(id, 10) + `"%` }

// invite queues the message of key about event e for request id in tx,
// unless once is set and the request had one already. It reports whether
// it queued one.
func (s *Service) invite(ctx context.Context, tx *sql.Tx, e Event, id int64, key string, once bool) (bool, error) {
	// The request's row is read first, locked on PostgreSQL: two
	// assignments of one request take turns, so only one invites.
	var r requestRow
	if err := tx.QueryRowContext(ctx, s.q.RequestForHandover, id).Scan(&r.id, &r.reference, &r.status, &r.campaign,
		&r.locale, &r.phone, &r.orgPath, &r.regionPath); err != nil {
		return false, err
	}
	if once {
		var n int
		if err := tx.QueryRowContext(ctx, s.q.MessagesAbout, id, key, aboutEvent(e.ID)).Scan(&n); err != nil || n > 0 {
			return false, err
		}
	}
	loc, err := s.location(ctx, tx)
	if err != nil {
		return false, err
	}
	if r.locale, err = s.messageLocale(ctx, tx, r); err != nil {
		return false, err
	}
	out := s.requests.Outbox(requests.SMS)
	if s.Sender() == nil {
		out = s.requests.Outbox(requests.StatusPage) // no text messages here
	}
	out.FollowChat = true
	addr := r.phone
	if out.Channel() == requests.StatusPage {
		addr = r.reference
	}
	_, err = out.QueueIn(ctx, tx, requests.Message{RequestID: id, Address: addr, Locale: r.locale, Key: key,
		Args: eventArgs(e, r, loc), CreatedAt: s.now().UTC()})
	return err == nil, err
}

// eventArgs are the arguments of an invitation to e for request r: its
// times in the installation's zone loc, written in r's language (the
// message's).
func eventArgs(e Event, r requestRow, loc *time.Location) map[string]string {
	l, ok := i18n.Parse(r.locale)
	if !ok {
		l = i18n.EN
	}
	start, end := e.StartsAt.In(loc), e.EndsAt.In(loc)
	until := l.DateTime(end)
	if start.Year() == end.Year() && start.YearDay() == end.YearDay() {
		until = l.Digits(end.Format("15:04"))
	}
	place := strings.TrimSpace(e.Place)
	if place == "" {
		place = e.WarehouseName
	}
	return map[string]string{"Event": strconv.FormatInt(e.ID, 10), "Reference": r.reference, "Place": place,
		"Start": l.DateTime(start), "End": until}
}

// location is the installation's time zone, UTC without settings.
func (s *Service) location(ctx context.Context, q store.Querier) (*time.Location, error) {
	if s.settings == nil {
		return time.UTC, nil
	}
	set, err := s.settings.GetIn(ctx, q)
	if err != nil {
		return nil, err
	}
	return set.Location(), nil
}

// invited lists the requests invited to event id.
func (s *Service) invited(ctx context.Context, q store.Querier, id int64) ([]int64, error) {
	return store.Select(ctx, q, func(sc store.Scanner) (int64, error) {
		var r int64
		return r, sc.Scan(&r)
	}, s.q.InvitedTo, InvitationMessage, aboutEvent(id))
}

// stillComing says whether request id still has a line on event e's list
// not handed over, and is neither delivered, withdrawn nor rejected.
func (s *Service) stillComing(ctx context.Context, q store.Querier, e Event, id int64) (bool, error) {
	rows, err := s.listRows(ctx, q, e.ID, id)
	if err != nil {
		return false, err
	}
	for _, row := range rows {
		switch requests.Status(row.RequestStatus) {
		case requests.Delivered, requests.Withdrawn, requests.Rejected:
			return false, nil
		}
		if !row.Handed() {
			return true, nil
		}
	}
	return false, nil
}
