package dev.safestream.server.cluster.redis;

import dev.safestream.server.fanout.FigureExchange;
import dev.safestream.server.fanout.Figures;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's channel figures: each node's are stored for {@code staleAfter} (a few metrics intervals) and every
 * node's current ones are summed, in one script call per metrics run (the scheduler thread).
 */
final class RedisFigureExchange implements FigureExchange {
    static final String KEY = "safestream:figures:";
    /**
     * Stores this node's figures per channel (a hash per channel, a field per node: "time viewers gifts messages toxic",
     * time from Redis's clock) and returns the sums over the fields younger than the staleness limit, dropping older
     * ones (nodes that stopped). ARGV: node, staleness ms, then channel, viewers, gifts, messages, toxic per channel.
     */
    private static final String EXCHANGE = "local t = redis.call('TIME')"
            + " local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)"
            + " local stale = tonumber(ARGV[2]) local out = {}"
            + " for i = 3, #ARGV, 5 do"
            + "  local key = KEYS[1] .. ARGV[i]"
            + "  redis.call('HSET', key, ARGV[1], now .. ' ' .. ARGV[i+1] .. ' ' .. ARGV[i+2] .. ' ' .. ARGV[i+3] .. ' ' .. ARGV[i+4])"
            + "  redis.call('PEXPIRE', key, stale * 10)"
            + "  local v, g, m, x = 0, 0, 0, 0"
            + "  local all = redis.call('HGETALL', key)"
            + "  for j = 1, #all, 2 do"
            + "   local at, fv, fg, fm, fx = string.match(all[j+1], '(%d+) (%d+) (%d+) (%d+) (%d+)')"
            + "   if at == nil or now - tonumber(at) > stale then redis.call('HDEL', key, all[j])"
            + "   else v = v + tonumber(fv) g = g + tonumber(fg) m = m + tonumber(fm) x = x + tonumber(fx) end"
            + "  end"
            + "  table.insert(out, v) table.insert(out, g) table.insert(out, m) table.insert(out, x)"
            + " end return out";

    private final StatefulRedisConnection<String, String> commands;
    private final String nodeId;
    private final Duration staleAfter;

    RedisFigureExchange(StatefulRedisConnection<String, String> commands, String nodeId, Duration staleAfter) {
        this.commands = commands;
        this.nodeId = nodeId;
        this.staleAfter = staleAfter;
    }

    @Override
    public Map<String, Figures> totals(Map<String, Figures> local) {
        List<String> args = new ArrayList<>();
        args.add(nodeId);
        args.add(Long.toString(staleAfter.toMillis()));
        List<String> order = new ArrayList<>(local.keySet());
        for (String channel : order) {
            Figures f = local.get(channel);
            args.add(channel);
            args.add(Long.toString(f.viewers()));
            args.add(Long.toString(f.gifts()));
            args.add(Long.toString(f.messages()));
            args.add(Long.toString(f.toxic()));
        }
        List<Long> sums =
                commands.sync().eval(EXCHANGE, ScriptOutputType.MULTI, new String[] {KEY}, args.toArray(String[]::new));
        Map<String, Figures> totals = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            totals.put(
                    order.get(i),
                    new Figures(sums.get(4 * i), sums.get(4 * i + 1), sums.get(4 * i + 2), sums.get(4 * i + 3)));
        }
        return totals;
    }
}
