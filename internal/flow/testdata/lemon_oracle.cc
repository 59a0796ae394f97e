// The independent solver Jol's min-cost flow tests compare with: LEMON's
// network simplex (https://lemon.cs.elte.hu), Debian package liblemon-dev.
//
// Reads a min-cost flow instance in DIMACS format on standard input
// ("p min N M", "n ID SUPPLY", "a FROM TO LOW CAP COST", nodes numbered
// from 1, lower bounds zero) and prints one line: "optimal COST",
// "infeasible" or "unbounded". With -t it also prints to standard error
// the seconds spent reading and solving, and the processor time of the
// solve.
//
// Build: g++ -O2 -I/usr/include lemon_oracle.cc -o lemon_oracle -lemon

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <vector>

using Graph = lemon::SmartDigraph;
using Simplex = lemon::NetworkSimplex<Graph, long long, long long>;

static double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

int main(int argc, char** argv) {
  bool timing = argc > 1 && std::strcmp(argv[1], "-t") == 0;
  auto start = std::chrono::steady_clock::now();

  std::vector<long long> caps, costs;
  std::vector<std::pair<int, int>> ends;
  std::vector<long long> supplies;

  char line[256];
  while (std::fgets(line, sizeof line, stdin)) {
    long long a, b, low, c, w;
    int n, m;
    switch (line[0]) {
      case 'p':
        if (std::sscanf(line, "p min %d %d", &n, &m) != 2) return 2;
        supplies.assign(n, 0);
        ends.reserve(m);
        caps.reserve(m);
        costs.reserve(m);
        break;
      case 'n':
        if (std::sscanf(line, "n %lld %lld", &a, &b) != 2) return 2;
        supplies.at(a - 1) = b;
        break;
      case 'a':
        if (std::sscanf(line, "a %lld %lld %lld %lld %lld", &a, &b, &low, &c, &w) != 5 || low != 0) return 2;
        ends.emplace_back(int(a - 1), int(b - 1));
        caps.push_back(c);
        costs.push_back(w);
        break;
    }
  }

  Graph g;
  std::vector<Graph::Node> nodes;
  g.reserveNode(int(supplies.size()));
  g.reserveArc(int(ends.size()));
  for (std::size_t i = 0; i < supplies.size(); i++) nodes.push_back(g.addNode());
  Graph::NodeMap<long long> supply(g);
  for (std::size_t i = 0; i < supplies.size(); i++) supply[nodes[i]] = supplies[i];
  Graph::ArcMap<long long> cap(g), cost(g);
  for (std::size_t i = 0; i < ends.size(); i++) {
    Graph::Arc a = g.addArc(nodes.at(ends[i].first), nodes.at(ends[i].second));
    cap[a] = caps[i];
    cost[a] = costs[i];
  }
  double read = since(start);

  auto solveStart = std::chrono::steady_clock::now();
  std::clock_t cpuStart = std::clock();
  Simplex ns(g);
  ns.upperMap(cap).costMap(cost).supplyMap(supply);
  Simplex::ProblemType result = ns.run();
  long long total = result == Simplex::OPTIMAL ? ns.totalCost() : 0;
  double solve = since(solveStart);
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
  if (timing) std::fprintf(stderr, "lemon: read %.3f s, solve %.3f s, cpu %.3f s\n", read, solve, cpu);
  return 0;
}
