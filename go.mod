module github.com/whopgen/whopgen

go 1.26.0
