// Placeholder: SwiftPM needs a source file for the AnnalsCLITests target declared in
// Package.swift. The CLI tests replace it when the commands land.
