#!/usr/bin/env python3
"""Times repeated GraphQL requests against one or more metrics-service instances: p50/p95 in ms over N sequential
requests on one kept-alive connection, each instance in turn, printed as a table. Used by
run-repeated-answers-benchmark.sh; arguments: token file, repeats, then name=port pairs."""
import http.client
import json
import sys
import time

YEAR = 'range: {from: \\"2026-01-01T00:00:00Z\\", to: \\"2027-01-01T00:00:00Z\\"}'
QUERIES = {
    "frt_agent_month": '{ metric(metric: FIRST_RESPONSE_TIME, %s, granularity: MONTH, groupBy: [AGENT]) '
                       '{ total { value median } series { value { value median } } } }' % YEAR,
    "fcr_channel_week": '{ metric(metric: FIRST_CONTACT_RESOLUTION, %s, granularity: WEEK, groupBy: [CHANNEL]) '
                        '{ total { value } series { value { value } } } }' % YEAR,
    "created_region_day": '{ metric(metric: TICKETS_CREATED, range: {from: \\"2026-08-01T00:00:00+02:00\\", '
                          'to: \\"2026-10-30T00:00:00+01:00\\"}, granularity: DAY, groupBy: [REGION], '
                          'timezone: \\"Europe/Stockholm\\") { total { value } series { value { value } } } }',
    "open_team_week": '{ metric(metric: OPEN_TICKETS, %s, granularity: WEEK, groupBy: [TEAM]) '
                      '{ total { value } series { value { value } } } }' % YEAR,
    "sla_priority_month": '{ metric(metric: SLA_FIRST_RESPONSE_RATE, range: {from: \\"2026-01-01T00:00:00Z\\", '
                          'to: \\"2026-11-01T00:00:00Z\\"}, granularity: MONTH, groupBy: [PRIORITY]) '
                          '{ total { value } series { value { value } } } }',
    "dashboard_8_metrics": '{ metrics(metrics: [TICKETS_CREATED, TICKETS_RESOLVED, FIRST_RESPONSE_TIME, '
                           'RESOLUTION_TIME, FIRST_CONTACT_RESOLUTION, SLA_FIRST_RESPONSE_RATE, REPLY_TIME, '
                           'ESCALATION_RATE], range: {from: \\"2026-10-02T00:00:00Z\\", to: \\"2026-11-01T00:00:00Z\\"}, '
                           'granularity: DAY) { metric total { value sampleSize } } }',
}


def percentile(values, q):
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def main():
    token = open(sys.argv[1]).read().strip()
    repeats = int(sys.argv[2])
    instances = [pair.split("=") for pair in sys.argv[3:]]
    print("%-22s %s" % ("query", " ".join("%24s" % ("%s p50/p95 ms" % name) for name, _ in instances)))
    for name, document in QUERIES.items():
        body = json.dumps({"query": document.replace('\\"', '"')})
        cells = []
        for _, port in instances:
            connection = http.client.HTTPConnection("127.0.0.1", int(port))
            headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
            times = []
            for attempt in range(repeats + 5):  # the first five warm the caches and are not counted
                started = time.perf_counter()
                connection.request("POST", "/graphql", body, headers)
                answer = connection.getresponse().read()
                elapsed = (time.perf_counter() - started) * 1000
                if b'"errors"' in answer:
                    sys.exit("%s answered errors: %s" % (name, answer[:300]))
                if attempt >= 5:
                    times.append(elapsed)
            connection.close()
            cells.append("%10.1f / %-10.1f" % (percentile(times, 0.5), percentile(times, 0.95)))
        print("%-22s %s" % (name, " ".join("%24s" % cell for cell in cells)))


if __name__ == "__main__":
    main()
