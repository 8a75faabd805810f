#!/bin/sh
# bigjourney.sh N STAGES: a journey of N touchpoints in STAGES stages, on
# six channels, with every seventh touchpoint branching two ahead and every
# eleventh looping back three: the shape that made the channels view's
# layout explode (issue 10).
awk -v n="$1" -v s="$2" 'BEGIN {
  split("web app email phone store chat", ch, " ")
  print "journey: Generated journey of " n " touchpoints"
  print "persona: {name: Load tester}"
  print "stages:"
  per = int(n / s); t = 0
  for (k = 0; k < s; k++) {
    print "  - id: stage-" k
    print "    name: Stage " k
    print "    touchpoints:"
    m = (k == s - 1) ? n - t : per
    for (i = 0; i < m; i++) {
      print "      - id: tp-" t
      print "        name: Touchpoint number " t
      print "        channel: " ch[t % 6 + 1]
      print "        score: " 1 + (t * 7 % 40) / 10
      nx = ""
      if (t + 1 < n) nx = "tp-" (t + 1)
      if (t % 7 == 3 && t + 2 < n) nx = nx (nx == "" ? "" : ", ") "tp-" (t + 2)
      if (t % 11 == 5 && t >= 3) nx = nx (nx == "" ? "" : ", ") "tp-" (t - 3)
      if (nx != "") print "        next: [" nx "]"
      t++
    }
  } }'
