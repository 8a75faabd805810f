#!/bin/sh
# Writes journeys/online-shop-survey.csv: survey answers for the online-shop
# example, drawn around each touchpoint's score (a better score, better
# answers), with a few touchpoints under the 5-response minimum, a few
# unanswered questions, comments with commas and line breaks, and some rows
# for another journey.  Deterministic (its own random generator), so the
# committed file can be made again:  sh tests/survey/make-example.sh
set -eu
out=${1:-journeys/online-shop-survey.csv}
awk 'BEGIN {
  seed = 20261129
  split("instagram-ad:4.1:180 friend-referral:4.6:3 product-page:3.2:240 reviews:3.9:150 live-chat:2.1:88 checkout:1.8:420 payment:3.5:300 order-confirmation:4.0:260 shipping-email:4.0:200 parcel-arrives:2.6:380 return-request:1.5:96 refund:3.0:4 newsletter:3.8:120", tps, " ")
  print "Touchpoint,CSAT,CES,NPS,Journey,Comment"
  for (i = 1; i <= length(tps); i++) {
    split(tps[i], f, ":"); id = f[1]; score = f[2]; n = f[3]
    for (k = 0; k < n; k++) {
      csat = pick(score, 1, 5); ces = pick(score * 1.5 - 0.5, 1, 7)
      nps = pick(score * 2.2, 0, 10)
      if (rnd() < 0.10) csat = ""
      if (rnd() < 0.35) ces = ""
      if (rnd() < 0.20) nps = ""
      c = ""
      if (rnd() < 0.03) c = "\"Slow, and the size chart was hidden\""
      if (rnd() < 0.01) c = "\"Two lines:\nfirst, then second\""
      printf "%s,%s,%s,%s,online-shop,%s\n", id, csat, ces, nps, c
    }
  }
  for (k = 0; k < 25; k++)
    printf "checkout,%d,,,city-break-trip,\n", 1 + k % 5
}
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
function pick(mean, lo, hi,   x, v) {
  x = mean + (rnd() + rnd() + rnd() - 1.5) * (hi - lo) / 3
  v = int(x + 0.5); if (v < lo) v = lo; if (v > hi) v = hi
  return v
}' >"$out"
echo "$out"
