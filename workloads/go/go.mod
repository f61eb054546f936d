module tricolor/workloads/go

go 1.19
