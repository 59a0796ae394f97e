// The independent solver Jol's min-cost flow tests compare with: LEMON's
// network simplex (https://lemon.cs.elte.hu), Debian package liblemon-dev.
//
// Reads min-cost flow instances in DIMACS format on standard input, one
// after another, each starting with its problem line ("p min N M", then
// "n ID SUPPLY" and "a FROM TO LOW CAP COST" lines, nodes numbered from 1,
// lower bounds zero), and prints one line per instance: "optimal COST",
// "infeasible" or "unbounded". With -t it also prints to standard error,
// per instance, the seconds spent reading and solving and the processor
// time of the solve.
//
// Build: g++ -O2 lemon_oracle.cc -o lemon_oracle

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <utility>
#include <vector>

using Graph = lemon::SmartDigraph;
using Simplex = lemon::NetworkSimplex<Graph, long long, long long>;
using Clock = std::chrono::steady_clock;

// One instance as read.
struct Instance {
  std::vector<long long> supply;
  std::vector<std::pair<int, int>> ends;
  std::vector<long long> cap, cost;
};

static double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// solve builds the LEMON graph, runs the network simplex and prints the
// answer; read is the time spent reading the instance so far.
static void solve(const Instance& in, Clock::time_point start, bool timing) {
  Graph g;
  g.reserveNode(int(in.supply.size()));
  g.reserveArc(int(in.ends.size()));
  std::vector<Graph::Node> nodes;
  for (std::size_t i = 0; i < in.supply.size(); i++) nodes.push_back(g.addNode());
  Graph::NodeMap<long long> supply(g);
  for (std::size_t i = 0; i < in.supply.size(); i++) supply[nodes[i]] = in.supply[i];
  Graph::ArcMap<long long> cap(g), cost(g);
  for (std::size_t i = 0; i < in.ends.size(); i++) {
    Graph::Arc a = g.addArc(nodes.at(in.ends[i].first), nodes.at(in.ends[i].second));
    cap[a] = in.cap[i];
    cost[a] = in.cost[i];
  }
  double read = since(start);

  Clock::time_point solveStart = Clock::now();
  std::clock_t cpuStart = std::clock();
  Simplex ns(g);
  ns.upperMap(cap).costMap(cost).supplyMap(supply);
  Simplex::ProblemType result = ns.run();
  long long total = result == Simplex::OPTIMAL ? ns.totalCost() : 0;
  double solved = since(solveStart);
  double cpu = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;

  switch (result) {
    case Simplex::OPTIMAL:
      std::printf("optimal %lld\n", total);
      break;
    case Simplex::INFEASIBLE:
      std::printf("infeasible\n");
      break;
    case Simplex::UNBOUNDED:
      std::printf("unbounded\n");
      break;
  }
  std::fflush(stdout);
  if (timing) std::fprintf(stderr, "lemon: read %.3f s, solve %.3f s, cpu %.3f s\n", read, solved, cpu);
}

int main(int argc, char** argv) {
  bool timing = argc > 1 && std::strcmp(argv[1], "-t") == 0;
  Clock::time_point start = Clock::now();
  Instance in;
  bool open = false;
  char line[256];
  while (std::fgets(line, sizeof line, stdin)) {
    long long a, b, low, c, w;
    int n, m;
    switch (line[0]) {
      case 'p':
        if (open) solve(in, start, timing);
        if (std::sscanf(line, "p min %d %d", &n, &m) != 2) return 2;
        start = Clock::now();
        in = Instance();
        in.supply.assign(n, 0);
        in.ends.reserve(m);
        in.cap.reserve(m);
        in.cost.reserve(m);
        open = true;
        break;
      case 'n':
        if (!open || std::sscanf(line, "n %lld %lld", &a, &b) != 2) return 2;
        in.supply.at(a - 1) = b;
        break;
      case 'a':
        if (!open || std::sscanf(line, "a %lld %lld %lld %lld %lld", &a, &b, &low, &c, &w) != 5 || low != 0) return 2;
        in.ends.emplace_back(int(a - 1), int(b - 1));
        in.cap.push_back(c);
        in.cost.push_back(w);
        break;
    }
  }
  if (open) solve(in, start, timing);
  return 0;
}
