package imports

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/jolproject/jol/internal/access"
	"github.com/jolproject/jol/internal/accounts"
	"github.com/jolproject/jol/internal/audit"
	"github.com/jolproject/jol/internal/errs"
	"github.com/jolproject/jol/internal/jobs"
	"github.com/jolproject/jol/internal/orgs"
	"github.com/jolproject/jol/internal/store"
)

// The limits of lists uploaded from the web.
const (
	// MaxUploadBytes is the largest file an upload takes.
	MaxUploadBytes = 100 << 20
	// ChunkSize is the size of the pieces a file is stored in, so no
	// query ever moves more than this at once.
	ChunkSize = 1 << 20
	// Retention is how long an upload's file, preview and rejected rows
	// are kept; Purge deletes them afterwards.
	Retention = 30 * 24 * time.Hour
	// PreviewRows is how many rows of a file the preview shows.
	PreviewRows = 10
	// JobKind is the kind of the background job that runs an import, of
	// any target.
	JobKind = "import"
	// OldJobKind is the kind of import jobs queued before there were
	// targets (all of the people list), still run when a database has one.
	OldJobKind = "people-import"
)

//go:embed queries*.sql
var queryFS embed.FS

type queries struct {
	InsertUpload, InsertChunk, Upload, Uploads, Chunk  string
	SaveTemplate, Templates, TemplateByID              string
	InsertRun, SetRunJob, Run, Runs, Busy              string
	StartRun, FinishRun, RequeueRun                    string
	Checkpoint, ResumeRun, DeleteRejectsAfter          string
	MaxRejectSeq                                       string
	DeleteRejects, InsertReject, Rejects               string
	OldUploads, PurgeChunks, PurgeRejects, PurgeUpload string
	PurgeSchoolMap                                     string
	CountUploads                                       string
	SchoolMap, DeleteSchoolMap, InsertSchoolMap        string
	SetPreview                                         string
}

// Deps are the services an import from the web works with.
type Deps struct {
	Targets  *Targets // the lists Jol imports
	Orgs     *orgs.Service
	Accounts *accounts.Service // to act as the user who asked, in the background
	Audit    *audit.Log
	Jobs     *jobs.Queue
	Now      func() time.Time
	// TempDir is the folder of the temporary files of imports (see
	// Scratch); os.TempDir() when empty.
	TempDir string
}

// Service keeps the lists uploaded from the web, the templates of their
// headers and the runs that import them, as background jobs.
type Service struct {
	Deps
	db *store.DB
	q  queries
	// hold is how long a run keeps the writer (see people.ImportOptions);
	// 0 for the target's default. Tests shorten it to commit every row.
	hold time.Duration
	// beforeCheckpoint, when set by a test, is called before a checkpoint
	// is saved with the rows it covers: an error fails their transaction.
	beforeCheckpoint func(ctx context.Context, pr Progress) error
	schools          schoolCache // the school names of the uploads previewed last
	committed        []func(ctx context.Context, target string) error
}

// OnCommit registers fn to run after every import from the web that
// wrote to its target (not a dry run, at least one row created or
// updated), with the target's name: work that follows a new list, such
// as a scan of the registry for duplicates. Register before the queue
// starts.
func (s *Service) OnCommit(fn func(ctx context.Context, target string) error) {
	s.committed = append(s.committed, fn)
}

// Committed runs the functions registered with OnCommit, as an import
// from the web does once it wrote to target; the command line calls it
// after its own imports. The import stands whatever they do: the error
// joins theirs.
func (s *Service) Committed(ctx context.Context, target string) error {
	var err error
	for _, fn := range s.committed {
		err = errors.Join(err, fn(ctx, target))
	}
	return err
}

// New returns the service on db. Register its Handle with the job queue
// under JobKind and OldJobKind.
func New(db *store.DB, d Deps) (*Service, error) {
	s := &Service{Deps: d, db: db}
	if err := store.BindQueries(&s.q, queryFS, db.Engine); err != nil {
		return nil, fmt.Errorf("imports: %w", err)
	}
	return s, nil
}

// clock is the current time as stored: UTC, whole seconds, so times
// compare in order as SQLite text too.
func (s *Service) clock() time.Time { return s.Now().UTC().Truncate(time.Second) }

// Target returns the registered target of that name; an unknown name is
// a validation error of field "target".
func (s *Service) Target(name string) (*Target, error) {
	if t := s.Targets.Get(name); t != nil {
		return t, nil
	}
	return nil, errs.Validation(errs.Field("target", "imports.target_unknown", "Name", name))
}

// orgTarget returns the path of organisation id when p may import lists
// for it: p sees the organisation and may edit children in it, as
// people.BeginImport checks.
func (s *Service) orgTarget(ctx context.Context, p access.Principal, id int64) (orgs.Organisation, error) {
	if id <= 0 {
		return orgs.Organisation{}, errs.Validation(errs.Field("org_id", "error.required", "Field", "org_id"))
	}
	o, err := s.Orgs.Get(ctx, p, id)
	if errs.CodeOf(err) == errs.NotFound {
		return o, errs.Validation(errs.Field("org_id", "error.unknown_org"))
	}
	if err != nil {
		return o, err
	}
	return o, canImport(p, o.Path)
}

// canImport checks that p may import for (and see the imports of) the
// organisation at path.
func canImport(p access.Principal, orgPath string) error {
	return access.Can(p, access.EditChild, access.Target{OrgPath: orgPath, RegionPath: p.RegionPath})
}
