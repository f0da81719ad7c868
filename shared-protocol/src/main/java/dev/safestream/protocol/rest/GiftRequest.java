package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/gift}. Any positive {@code gift_id} is accepted: catalogue ids keep their name and value, others
 * show as a generic "Gift #id". The original design's example: {@code {"from":"admin","gift_id":999,"amount":1}}.
 *
 * @param from whose gift it is; another name than the caller's needs the streamer or admin role; {@code null}:
 *     the caller
 * @param giftId a positive id
 * @param amount how many
 * @param channel the channel, else the query's {@code channel}, else {@code main}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GiftRequest(
        String from, @JsonProperty("gift_id") Integer giftId, Integer amount, String channel) {}
