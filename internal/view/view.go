// Package view is dealtrack's output model: for each report the table
// people read and the record scripts read (json, yaml), built from the
// domain (deals, queries, the sums of report) and printed by render.
//
// A constructor per report (List, Detail, ...) returns a render.Report,
// which render asks for the table or the record its format needs. The
// record types are a contract, documented in the README: a key is never
// renamed once released; new ones are added.
package view
