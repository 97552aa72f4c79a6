package dev.parley.policy;

/** Who may open a direct chat with whom ({@code parley.policy.direct}). */
public enum DirectPolicy {
    /** Anyone with anyone. */
    OPEN,
    /** A student with their mentors, a mentor with their students, an admin with anyone. */
    MENTORSHIPS
}
