package vn.congso.admin.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Zip archives written byte by byte, so a test can make the central directory say what an
 * attacker would: entries sharing one local header, sizes that lie.
 */
final class HostileZips {

    /** One stored or deflated payload with what the directory will declare about it. */
    record Payload(byte[] data, int method, long crc, long declaredSize) {
    }

    private HostileZips() {
    }

    static Payload deflated(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(plain);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return new Payload(out.toByteArray(), 8, crc(plain), plain.length);
    }

    static Payload stored(byte[] plain) {
        return new Payload(plain, 0, crc(plain), plain.length);
    }

    /** The same payload declared with another uncompressed size. */
    static Payload declaring(Payload payload, long declaredSize) {
        return new Payload(payload.data(), payload.method(), payload.crc(), declaredSize);
    }

    /**
     * One local entry holding the payload, and a central directory listing it under each name,
     * every record pointing at that one local entry (the overlapping-entry bomb).
     */
    static byte[] sharedData(Payload payload, List<String> names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] localName = names.get(0).getBytes(StandardCharsets.UTF_8);
        out.writeBytes(local(payload, localName));
        out.writeBytes(payload.data());
        int directoryOffset = out.size();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (String name : names) {
            directory.writeBytes(central(payload, name.getBytes(StandardCharsets.UTF_8), 0));
        }
        out.writeBytes(directory.toByteArray());
        out.writeBytes(end(names.size(), directory.size(), directoryOffset));
        return out.toByteArray();
    }

    /** An honest archive of one entry per payload, written by hand (so the sizes can lie). */
    static byte[] entries(List<String> names, List<Payload> payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (int i = 0; i < names.size(); i++) {
            byte[] name = names.get(i).getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            out.writeBytes(local(payloads.get(i), name));
            out.writeBytes(payloads.get(i).data());
            directory.writeBytes(central(payloads.get(i), name, offset));
        }
        int directoryOffset = out.size();
        out.writeBytes(directory.toByteArray());
        out.writeBytes(end(names.size(), directory.size(), directoryOffset));
        return out.toByteArray();
    }

    private static byte[] local(Payload p, byte[] name) {
        ByteBuffer b = ByteBuffer.allocate(30 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800).putShort((short) p.method())
                .putShort((short) 0).putShort((short) 0x21).putInt((int) p.crc()).putInt(p.data().length)
                .putInt((int) p.declaredSize()).putShort((short) name.length).putShort((short) 0).put(name);
        return b.array();
    }

    private static byte[] central(Payload p, byte[] name, int offset) {
        ByteBuffer b = ByteBuffer.allocate(46 + name.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0x0800)
                .putShort((short) p.method()).putShort((short) 0).putShort((short) 0x21).putInt((int) p.crc())
                .putInt(p.data().length).putInt((int) p.declaredSize()).putShort((short) name.length)
                .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                .putInt(offset).put(name);
        return b.array();
    }

    private static byte[] end(int entries, int directorySize, int directoryOffset) {
        ByteBuffer b = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
                .putShort((short) entries).putInt(directorySize).putInt(directoryOffset).putShort((short) 0);
        return b.array();
    }

    private static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }
}
