#!/usr/bin/env bash
# A real print queue for the printing tests: cupsd (started if it is not running) and
# a cups-pdf queue, WORKBENCH_CUPS_QUEUE (default workbench-pdf), whose output lands as
# PDF files in WORKBENCH_CUPS_OUT (default /var/spool/cups-pdf/workbench), one file per
# job, named by the job's title. Needs root and Debian's cups and printer-driver-cups-pdf
# (.ci/run installs them). Prints "started" when it started cupsd, so the caller can
# stop it again.
set -euo pipefail
export LC_ALL=C  # lpstat's messages are matched below
QUEUE="${WORKBENCH_CUPS_QUEUE:-workbench-pdf}"
OUT="${WORKBENCH_CUPS_OUT:-/var/spool/cups-pdf/workbench}"
INSTANCE=workbench  # cups-pdf:/workbench reads /etc/cups/cups-pdf-workbench.conf

started=""
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    mkdir -p /run/cups
    cupsd
    started="started"
    for _ in $(seq 50); do
        lpstat -r 2>/dev/null | grep -q "is running" && break
        sleep 0.1
    done
fi
mkdir -p "$OUT"
chmod 1777 "$OUT"
cat > "/etc/cups/cups-pdf-$INSTANCE.conf" <<CONF
Out $OUT
AnonDirName $OUT
Label 0
Grp root
CONF
# cups-pdf's own PPD leaves copies to the (absent) hardware: one copy comes out
# whatever was asked. cupsManualCopies makes CUPS's filter lay out the copies, as an
# office printer's driver would, so the tests can count them in the output.
ppd=$(mktemp --suffix=.ppd)
sed 's/^\*ModelName:.*/&\n*cupsManualCopies: True/' \
    /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd > "$ppd"
lpadmin -p "$QUEUE" -E -v "cups-pdf:/$INSTANCE" -P "$ppd" -o printer-is-shared=false \
    2>/dev/null  # "Printer drivers are deprecated" (a PPD is still what cups-pdf has)
rm -f "$ppd"
cupsenable "$QUEUE"
cupsaccept "$QUEUE"
echo "$started"
