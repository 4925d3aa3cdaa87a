"""`pressfacts bench`: throughput, incremental cost, memory and scaling against bare spaCy.

`corpus` generates the synthetic corpus, `probes` runs each measurement in a fresh process,
`report` checks the targets and formats the result, `benchmark` ties them to the command line.
"""
