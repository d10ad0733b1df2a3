// Package folder is dealtrack's access to a data folder on disk: the walk
// that finds deal files (hidden entries skipped, links never followed out
// or into folders, depth capped), reading a file without blocking or
// reading more than a deal file may be, the faster Linux reader, and every
// write: new files that never replace another (Create), rewrites that are
// atomic and refuse a file changed since it was read (Replace, Rewrite),
// the folder's lock and the temporary files a write leaves when killed.
// It knows files, not deals.
package folder
