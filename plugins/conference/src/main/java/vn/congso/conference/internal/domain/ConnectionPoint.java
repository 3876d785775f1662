package vn.congso.conference.internal.domain;

import java.util.Objects;

/**
 * A connection point: the meeting room of an organisational unit (the district hub or a
 * commune/town) with its equipment and technical contact.
 *
 * @param id the database id
 * @param unitCode the organisational unit's code ({@code vn.congso.api.units})
 * @param name the point's name as people read it
 * @param hub whether this is the district hub
 * @param room the room
 * @param address the address
 * @param equipment the equipment, free text
 * @param contactName the technical contact's name
 * @param contactPhone the technical contact's phone
 * @param contactUser the technical contact's account, empty when none
 * @param capacity seats in the room
 * @param status whether it can be booked
 */
public record ConnectionPoint(long id, String unitCode, String name, boolean hub, String room, String address,
        String equipment, String contactName, String contactPhone, String contactUser, int capacity,
        PointStatus status) {

    /** Checks the required fields. */
    public ConnectionPoint {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        contactUser = contactUser == null ? "" : contactUser;
    }
}
