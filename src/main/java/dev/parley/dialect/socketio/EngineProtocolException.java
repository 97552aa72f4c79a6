package dev.parley.dialect.socketio;

/** A peer broke the Engine.IO or Socket.IO protocol: its session is closed. */
public class EngineProtocolException extends RuntimeException {

    public EngineProtocolException(String message) {
        super(message, null, false, false);
    }
}
