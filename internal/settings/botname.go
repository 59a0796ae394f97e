package settings

import "context"

// The deep links' address needs the bot's username. An admin may set it
// (BotUsername); when the bot runs with a token, the server also learns
// it from Telegram (getMe) and Get reports that one while the setting is
// empty. Nothing is written: an admin's setting always wins, and the
// name learned lasts as long as the process.

// LearnBotUsername records name as the bot's username as Telegram told
// it; a name that is not a bot's username is ignored.
func (s *Service) LearnBotUsername(name string) {
	if ValidBotUsername(name) {
		s.bot.Store(&name)
	}
}

// readThrough fills an empty BotUsername with the name learned, if any.
func (s *Service) readThrough(st Settings, err error) (Settings, error) {
	if name := s.bot.Load(); err == nil && st.BotUsername == "" && name != nil {
		st.BotUsername = *name
	}
	return st, err
}

// Stored returns the settings as saved, without the name learned: the
// admin's form edits these, so saving it never writes the learned name.
func (s *Service) Stored(ctx context.Context) (Settings, error) {
	return s.load(ctx, s.db.R)
}
