package dev.parley.gateway;

import dev.parley.auth.Caller;
import dev.parley.chat.DeliveredWatermarks;
import dev.parley.chat.Reads;
import dev.parley.cluster.FrameDelivered;
import dev.parley.context.Sequencer;
import dev.parley.events.ChatEvents;
import dev.parley.protocol.ServerFrame;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The three receipt states. A message is <em>sent</em> when its sender has the
 * confirmation, <em>delivered</em> when it was written to a connection of a
 * recipient, <em>read</em> when the recipient says so. Both watermark moves of one
 * reader run one after another here, so its sender hears delivered before read.
 */
@ApplicationScoped
public class ReceiptCommands {

    private final Reads reads;
    private final DeliveredWatermarks watermarks;
    private final ChatEvents events;
    private final Sequencer<Long> sequencer = new Sequencer<>();

    ReceiptCommands(Reads reads, DeliveredWatermarks watermarks, ChatEvents events) {
        this.reads = reads;
        this.watermarks = watermarks;
        this.events = events;
    }

    Uni<ServerFrame> read(Caller reader, long messageId, String connectionId) {
        return sequencer.run(reader.id(), () -> reads.markRead(reader, messageId)
                        .call(receipt -> events.read(receipt, connectionId)))
                .replaceWith((ServerFrame) null);
    }

    Uni<ServerFrame> readAll(Caller reader, long chatId, String connectionId) {
        return sequencer.run(reader.id(), () -> reads.markAllRead(reader, chatId)
                        .call(receipt -> events.read(receipt, connectionId)))
                .replaceWith((ServerFrame) null);
    }

    /** A message was written to a connection of its recipient: tell its sender, once per watermark move. */
    void delivered(@Observes FrameDelivered delivered) {
        long userId = delivered.recipientId();
        long chatId = delivered.chatId();
        var receipt = delivered.receipt();
        sequencer.run(userId, () -> watermarks.advance(chatId, userId, receipt.seq())
                        .chain(news -> news
                                ? events.delivered(chatId, receipt.messageId(), userId, receipt.senderId())
                                : Uni.createFrom().voidItem()))
                .subscribe().with(ok -> { }, failure -> Log.warnf("Delivery receipt of message %d failed: %s",
                        receipt.messageId(), failure.getMessage()));
    }
}
